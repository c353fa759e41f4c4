package data

import "context"

// SessionArtifacts answers "what did this session read, change and run": its artifacts, oldest
// first, with paths and commands masked.
func (a *API) SessionArtifacts(ctx context.Context, sessionID string, opt ReadOptions) ([]Artifact, error) {
	if err := validID("session", sessionID); err != nil {
		return nil, err
	}
	m, err := a.begin(ctx, opt, "session_artifacts", sessionID)
	if err != nil {
		return nil, err
	}
	out, err := a.store.ListSessionArtifacts(ctx, sessionID)
	for i := range out {
		out[i].Path, out[i].Command = m.String(out[i].Path), m.String(out[i].Command)
	}
	return out, err
}

// PathArtifacts answers "which sessions touched file X": every read, write, edit or delete of the
// path as the agent named it, newest first. The answer names the path the caller asked for, so
// only the commands in it are masked.
func (a *API) PathArtifacts(ctx context.Context, path, cursor string, pageSize int, opt ReadOptions) (ArtifactPage, error) {
	if path == "" || len(path) > 4096 {
		return ArtifactPage{}, Errorf(EINVALID, "path must be 1 to 4096 bytes")
	}
	n, err := limit(pageSize)
	if err != nil {
		return ArtifactPage{}, err
	}
	m, err := a.begin(ctx, opt, "path_artifacts")
	if err != nil {
		return ArtifactPage{}, err
	}
	p, err := a.store.ListPathArtifacts(ctx, path, cursor, n)
	for i := range p.Artifacts {
		p.Artifacts[i].Command = m.String(p.Artifacts[i].Command)
	}
	return p, err
}
