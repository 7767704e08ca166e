import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { isLocale } from '../../i18n/locale.js';
import { localeOf, PageContext } from '../../server/page-context.js';
import { sendPage } from '../../server/responses.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import type { View } from '../../views/view.js';
import { LettingsSeriesPage } from './lettings-series.page.js';
import type { LettingsSeries, Places, QueueTimeNeeded } from './open-data.js';
import { QueueTimeNeededPage } from './queue-time-needed.page.js';
import { StatisticsIndexPage } from './statistics-index.page.js';
import { currentYear, downloadName, REPORTS, statisticsQueryOf, type ReportSlug, type StatisticsQuery } from './statistics-query.js';

type Raw = Record<string, unknown>;
const FORM_FIELDS = new Set(['period', 'municipality', 'granularity']);

/**
 * The public statistics pages (no sign-in): the statistics app's open data as
 * tables, its charts and CSV files served through this site, in the page's language.
 */
@Controller('statistik')
export class StatisticsController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, policy] = await Promise.all([this.pages.view(request, reply), this.api.get<{ suppressionThreshold: number }>('statistics', '/statistics/policy')]);
    sendPage(reply, <StatisticsIndexPage view={view} threshold={policy.body.suppressionThreshold} />);
  }

  @Get('kotid')
  async queueTimeNeeded(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { view, query, year, places, report, errors } = await this.report<QueueTimeNeeded>('kotid', raw, request, reply);
    sendPage(reply, <QueueTimeNeededPage view={view} query={query} year={year} places={places} report={report} errors={errors} />, errors.length ? 400 : 200);
  }

  @Get('uthyrningar')
  async lettingsSeries(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { view, query, year, places, report, errors } = await this.report<LettingsSeries>('uthyrningar', raw, request, reply);
    sendPage(reply, <LettingsSeriesPage view={view} query={query} year={year} places={places} report={report} errors={errors} />, errors.length ? 400 : 200);
  }

  @Get('diagram/kotid.svg')
  queueTimeNeededChart(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.file('kotid', 'svg', raw, request, reply);
  }

  @Get('diagram/uthyrningar.svg')
  lettingsSeriesChart(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.file('uthyrningar', 'svg', raw, request, reply);
  }

  @Get('kotid.csv')
  queueTimeNeededCsv(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.file('kotid', 'csv', raw, request, reply);
  }

  @Get('uthyrningar.csv')
  lettingsSeriesCsv(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.file('uthyrningar', 'csv', raw, request, reply);
  }

  /** A report page's data: the places for the form and the report, or, when the statistics app refuses the filters, why. */
  private async report<T>(slug: ReportSlug, raw: Raw, request: FastifyRequest, reply: FastifyReply) {
    const view = await this.pages.view(request, reply);
    const year = currentYear(view.clock?.businessDate);
    const query = statisticsQueryOf(raw, year);
    const [places, answer] = await Promise.all([
      this.api.get<Places>('statistics', '/statistics/open/places').then((a) => a.body),
      this.api.get<T>('statistics', REPORTS[slug].api, { query }).then(
        (a) => ({ report: a.body, errors: [] as FieldMessage[] }),
        (error: unknown) => ({ report: undefined, errors: refusedFields(error, view) }),
      ),
    ]);
    return { view, query, year, places, ...answer };
  }

  /** The chart or the CSV, passing on only the known filters, so nothing else reaches the statistics app through this site. */
  private async file(slug: ReportSlug, format: 'svg' | 'csv', raw: Raw, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query: StatisticsQuery = statisticsQueryOf(raw, currentYear());
    const lang = isLocale(raw.lang) ? raw.lang : localeOf(request);
    try {
      const { body } = await this.api.get<string>('statistics', REPORTS[slug].api, { query: { ...query, format, lang } });
      // Published figures, the same for everyone: a shared cache may keep them as long as the statistics app allows.
      reply.header('cache-control', 'public, max-age=300');
      if (format === 'csv') reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${downloadName(slug, query, 'csv')}"`);
      else reply.type('image/svg+xml; charset=utf-8');
      reply.send(body);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      reply.status(error.status).type('text/plain; charset=utf-8').send(error.problem.detail);
    }
  }
}

/** The statistics app's refusal as a message at each form field it names (a hand-edited URL); anything else is not the person's to fix. */
function refusedFields(error: unknown, view: View): FieldMessage[] {
  if (!(error instanceof ApiRefusal) || error.status !== 400) throw error;
  const fields = new Set((error.problem.errors ?? []).map((e) => (FORM_FIELDS.has(e.field) ? e.field : 'period')));
  if (fields.size === 0) fields.add('period');
  return [...fields].map((field) => ({ field, message: view.t('statistics.form.invalid') }));
}
