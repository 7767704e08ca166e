/** What the handler needs of an event a decider returns: the store adds id, schema version and metadata. */
export interface DecidedEvent {
  readonly type: string;
  readonly data: unknown;
}

/** A stream's rules as pure functions (emmett's decider): the handler does the I/O around them. */
export interface Decider<Command, Event extends DecidedEvent, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}
