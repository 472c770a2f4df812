import type { ReactNode } from 'react';

type SectionProps = { id: string; title: string; description?: string; children: ReactNode; dataCriterion?: string };

/** One card of the options page: a heading, a line on what it decides, its fields. */
export function Section({ id, title, description, children, dataCriterion }: SectionProps) {
  return (
    <section className="section" aria-labelledby={`${id}-title`} data-section={id} data-criterion={dataCriterion}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description ? <p className="section-description">{description}</p> : null}
      <div className="fields">{children}</div>
    </section>
  );
}
