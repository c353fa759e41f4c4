package data

import "context"

// ListSessions returns one page of sessions, newest first, masked.
func (a *API) ListSessions(ctx context.Context, f SessionFilter, opt ReadOptions) (SessionPage, error) {
	var err error
	if f.Limit, err = limit(f.Limit); err != nil {
		return SessionPage{}, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return SessionPage{}, Errorf(EINVALID, "from must be before to")
	}
	m, err := a.begin(ctx, opt, "list_sessions")
	if err != nil {
		return SessionPage{}, err
	}
	p, err := a.store.ListSessions(ctx, f)
	if err == nil {
		err = a.repriceSessions(ctx, p.Sessions)
	}
	if err != nil {
		return SessionPage{}, err
	}
	for i := range p.Sessions {
		maskSession(m, &p.Sessions[i])
	}
	return p, nil
}

// GetSession returns one session, masked.
func (a *API) GetSession(ctx context.Context, id string, opt ReadOptions) (Session, error) {
	if err := validID("session", id); err != nil {
		return Session{}, err
	}
	m, err := a.begin(ctx, opt, "get_session", id)
	if err != nil {
		return Session{}, err
	}
	s, err := a.store.GetSession(ctx, id)
	if err != nil {
		return Session{}, err
	}
	one := []Session{s}
	if err := a.repriceSessions(ctx, one); err != nil {
		return Session{}, err
	}
	s = one[0]
	maskSession(m, &s)
	return s, nil
}

// GetSessions returns the existing sessions among ids (for dataloaders), masked.
func (a *API) GetSessions(ctx context.Context, ids []string, opt ReadOptions) ([]Session, error) {
	if len(ids) > MaxLimit {
		return nil, Errorf(EINVALID, "at most %d ids at once", MaxLimit)
	}
	m, err := a.begin(ctx, opt, "get_sessions", ids...)
	if err != nil {
		return nil, err
	}
	out, err := a.store.GetSessions(ctx, ids)
	if err == nil {
		err = a.repriceSessions(ctx, out)
	}
	for i := range out {
		maskSession(m, &out[i])
	}
	return out, err
}

func maskSession(m textMasker, s *Session) {
	s.Intent = m.String(s.Intent)
}
