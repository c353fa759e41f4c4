// The dashboard's frame: a header with the views, and the view the location hash names.
import { apiKey, setAPIKey } from './graphql';
import { AnomaliesPage } from './pages/anomalies';
import { SearchPage } from './pages/search';
import { SessionPage } from './pages/session';
import { SessionsPage } from './pages/sessions';
import { StatsPage } from './pages/stats';
import { TurnPage } from './pages/turn';
import { href, useRoute, type Route } from './router';

const NAV: { label: string; route: Route; active: Route['page'][] }[] = [
  { label: 'Sessions', route: { page: 'sessions', params: {} }, active: ['sessions', 'session', 'turn'] },
  { label: 'Spend', route: { page: 'stats', params: {} }, active: ['stats'] },
  { label: 'Search', route: { page: 'search', params: {} }, active: ['search'] },
  { label: 'Anomalies', route: { page: 'anomalies', params: {} }, active: ['anomalies'] },
];

export function App() {
  const route = useRoute();
  return (
    <>
      <header className="top">
        <a className="brand" href={href({ page: 'sessions', params: {} })}>
          Recondo
        </a>
        <nav>
          {NAV.map((n) => (
            <a key={n.label} href={href(n.route)} className={n.active.includes(route.page) ? 'active' : ''}>
              {n.label}
            </a>
          ))}
        </nav>
        {apiKey() ? (
          <button
            className="link"
            onClick={() => {
              setAPIKey('');
              window.location.reload();
            }}
          >
            Forget API key
          </button>
        ) : null}
      </header>
      <main>
        <View route={route} />
      </main>
    </>
  );
}

function View({ route }: { route: Route }) {
  switch (route.page) {
    case 'sessions':
      return <SessionsPage route={route} />;
    case 'session':
      return <SessionPage key={route.id} id={route.id} />;
    case 'turn':
      return <TurnPage key={route.id} id={route.id} />;
    case 'stats':
      return <StatsPage route={route} />;
    case 'search':
      return <SearchPage route={route} />;
    case 'anomalies':
      return <AnomaliesPage />;
    case 'notFound':
      return (
        <p role="alert">
          Nothing lives at <code>{route.path}</code>. <a href={href({ page: 'sessions', params: {} })}>Go to sessions</a>.
        </p>
      );
  }
}
