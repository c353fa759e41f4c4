package data

import "context"

// ListTurns returns a session's turns in sequence order, masked.
func (a *API) ListTurns(ctx context.Context, f TurnFilter, opt ReadOptions) ([]Turn, error) {
	if err := validID("session", f.SessionID); err != nil {
		return nil, err
	}
	var err error
	if f.Limit, err = limit(f.Limit); err != nil {
		return nil, err
	}
	m, err := a.begin(ctx, opt, "list_turns", f.SessionID)
	if err != nil {
		return nil, err
	}
	turns, err := a.store.ListTurns(ctx, f)
	if err == nil {
		err = a.repriceTurns(ctx, turns)
	}
	for i := range turns {
		maskTurn(m, &turns[i])
	}
	return turns, err
}

// ListTurnsOfSessions returns every turn of the sessions (for dataloaders), masked.
func (a *API) ListTurnsOfSessions(ctx context.Context, sessionIDs []string, opt ReadOptions) ([]Turn, error) {
	if len(sessionIDs) > MaxLimit {
		return nil, Errorf(EINVALID, "at most %d session ids at once", MaxLimit)
	}
	m, err := a.begin(ctx, opt, "list_turns", sessionIDs...)
	if err != nil {
		return nil, err
	}
	turns, err := a.store.ListTurnsOfSessions(ctx, sessionIDs)
	if err == nil {
		err = a.repriceTurns(ctx, turns)
	}
	for i := range turns {
		maskTurn(m, &turns[i])
	}
	return turns, err
}

// ListToolCalls returns the tool calls of the turns (for dataloaders), masked.
func (a *API) ListToolCalls(ctx context.Context, turnIDs []string, opt ReadOptions) ([]ToolCall, error) {
	if len(turnIDs) > MaxLimit*10 {
		return nil, Errorf(EINVALID, "at most %d turn ids at once", MaxLimit*10)
	}
	m, err := a.begin(ctx, opt, "list_tool_calls", turnIDs...)
	if err != nil {
		return nil, err
	}
	calls, err := a.store.ListToolCalls(ctx, turnIDs)
	for i := range calls {
		maskToolCall(m, &calls[i])
	}
	return calls, err
}

// TurnOptions qualify GetTurn.
type TurnOptions struct {
	ReadOptions
	// Bodies loads the request and response bodies from the object store, content-decoded.
	Bodies bool
}

// GetTurn returns a turn with its tool calls, texts and, when asked, bodies; all masked with one
// masker, so a path has the same placeholder in the texts and in the bodies.
func (a *API) GetTurn(ctx context.Context, id string, opt TurnOptions) (TurnDetail, error) {
	if err := validID("turn", id); err != nil {
		return TurnDetail{}, err
	}
	m, err := a.begin(ctx, opt.ReadOptions, "get_turn", id)
	if err != nil {
		return TurnDetail{}, err
	}
	t, err := a.store.GetTurn(ctx, id)
	if err != nil {
		return TurnDetail{}, err
	}
	one := []Turn{t}
	if err := a.repriceTurns(ctx, one); err != nil {
		return TurnDetail{}, err
	}
	t = one[0]
	calls, err := a.store.ListToolCalls(ctx, []string{id})
	if err != nil {
		return TurnDetail{}, err
	}
	texts, err := a.store.ListTurnTexts(ctx, id)
	if err != nil {
		return TurnDetail{}, err
	}
	d := TurnDetail{Turn: t, ToolCalls: calls, Texts: texts}
	if opt.Bodies {
		if d.Request, err = a.body(ctx, "req", t.RequestSHA256, t.RequestSize, t.RequestEncoding); err != nil {
			return TurnDetail{}, err
		}
		if d.Response, err = a.body(ctx, "resp", t.ResponseSHA256, t.ResponseSize, t.ResponseEncoding); err != nil {
			return TurnDetail{}, err
		}
	}
	maskTurn(m, &d.Turn)
	for i := range d.ToolCalls {
		maskToolCall(m, &d.ToolCalls[i])
	}
	for i := range d.Texts {
		d.Texts[i].Body = m.String(d.Texts[i].Body)
	}
	for _, b := range []*Body{d.Request, d.Response} {
		if b != nil && !b.Binary {
			b.Text = m.String(b.Text)
		}
	}
	return d, nil
}

func maskTurn(m textMasker, t *Turn) {
	t.Error = m.String(t.Error)
}

func maskToolCall(m textMasker, c *ToolCall) {
	c.Arguments = m.String(c.Arguments)
	if c.ArgumentsRaw != nil {
		raw := m.String(*c.ArgumentsRaw)
		c.ArgumentsRaw = &raw
	}
}
