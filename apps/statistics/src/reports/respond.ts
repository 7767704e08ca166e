import type { FastifyReply } from 'fastify';
import { InvalidRequest } from '@bostadsko/platform';
import { svgToPng } from '../formats/png.js';
import type { Format } from './report-query.dto.js';

export interface Renderings {
  readonly json: object;
  readonly csv: () => string;
  /** Absent where the report has no chart. */
  readonly svg?: () => string;
}

/** Sends a report in the asked format, named for download as e.g. `queue-time-needed-2025.csv`. */
export function respond(reply: FastifyReply, format: Format | undefined, filename: string, renderings: Renderings): object | string | Buffer {
  const chosen = format ?? 'json';
  if ((chosen === 'svg' || chosen === 'png') && !renderings.svg) {
    throw new InvalidRequest([{ field: 'format', messages: ['this report is a table: json or csv; charts are drawn for the time series, queue time needed and seekers by age group'] }]);
  }
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  switch (chosen) {
    case 'json':
      return renderings.json;
    case 'csv':
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${safeName}.csv"`);
      return renderings.csv();
    case 'svg':
      reply.header('content-type', 'image/svg+xml; charset=utf-8').header('content-disposition', `inline; filename="${safeName}.svg"`);
      return renderings.svg!();
    case 'png':
      reply.header('content-type', 'image/png').header('content-disposition', `inline; filename="${safeName}.png"`);
      return svgToPng(renderings.svg!());
  }
}
