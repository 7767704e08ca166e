interface LinkCardProps {
  readonly href: string;
  readonly heading: string;
  readonly text: string;
  /** The card's heading sits under the page's h1 (2) or under a section's h2 (3). */
  readonly level: 2 | 3;
}

/** A card that is one link: a heading and a line on where it leads, for a grid of places to go next. */
export function LinkCard({ href, heading, text, level }: LinkCardProps): JSX.Element {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <a class="ds-card" data-variant="tinted" href={href}>
      <Heading class="ds-heading" data-size="sm" safe>
        {heading}
      </Heading>
      <p class="ds-paragraph" safe>
        {text}
      </p>
    </a>
  );
}
