import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { isLocale } from '../../i18n/locale.js';
import { localeOf, PageContext } from '../../server/page-context.js';
import { sendPage } from '../../server/responses.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { currentYear } from '../statistics/statistics-query.js';
import { analystQueryOf, ANALYST_REPORTS, apiQuery } from './analyst-query.js';
import type { AnalystAnswer, AnalystPlaces } from './analyst.types.js';
import { ReportBuilderPage } from './report-builder.page.js';
import { asStaff, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';

/** The detailed reports are the analysts' (and administrators'): a case officer has no need of landlord cuts. */
const ANALYST_ROLES = ['analyst', 'admin'];

type Raw = Record<string, unknown>;

/** The analysts' report builder over the statistics app's detailed reports; its chart and CSV pass through this site with the analyst's token. */
@Controller('handlaggare/rapporter')
export class ReportBuilderController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async builder(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const analyst = requireStaff(request, ANALYST_ROLES);
    const view = await this.pages.view(request, reply);
    const query = analystQueryOf(raw, currentYear(view.clock?.businessDate));
    const call = asStaff(request, analyst);
    const [places, answer] = await Promise.all([
      this.api.get<AnalystPlaces>('statistics', '/statistics/reports/places', call).then((a) => a.body),
      this.api.get<AnalystAnswer['report']>('statistics', ANALYST_REPORTS[query.report].api, { ...call, query: apiQuery(query) }).then(
        (a) => ({ answer: { kind: query.report, report: a.body } as AnalystAnswer, errors: [] as FieldMessage[] }),
        (error: unknown) => {
          if (!(error instanceof ApiRefusal) || error.status !== 400) throw error;
          return { answer: undefined, errors: staffProblems(error, view.locale, 'period', {}, 'report') };
        },
      ),
    ]);
    sendPage(reply, <ReportBuilderPage view={view} query={query} places={places} answer={answer.answer} errors={answer.errors} />, answer.errors.length ? 400 : 200);
  }

  @Get('rapport.csv')
  csv(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.file('csv', raw, request, reply);
  }

  @Get('diagram.svg')
  chart(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.file('svg', raw, request, reply);
  }

  /** The chart as a PNG to download, drawn by the statistics app from the same SVG (resvg). */
  @Get('diagram.png')
  png(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.file('png', raw, request, reply);
  }

  private async file(format: 'csv' | 'svg' | 'png', raw: Raw, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const analyst = requireStaff(request, ANALYST_ROLES);
    const query = analystQueryOf(raw, currentYear());
    const lang = isLocale(raw.lang) ? raw.lang : localeOf(request);
    try {
      const { body } = await this.api.get<string | Buffer>('statistics', ANALYST_REPORTS[query.report].api, {
        ...asStaff(request, analyst),
        query: apiQuery(query, { format, lang }),
        binary: format === 'png',
      });
      // Detailed figures for signed-in analysts: never kept by a shared cache.
      reply.header('cache-control', 'private, no-store');
      if (format === 'csv') reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ANALYST_REPORTS[query.report].file}.csv"`);
      else if (format === 'png') reply.type('image/png').header('content-disposition', `attachment; filename="${ANALYST_REPORTS[query.report].file}.png"`);
      else reply.type('image/svg+xml; charset=utf-8');
      reply.send(body);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      reply.status(error.status).type('text/plain; charset=utf-8').send(error.problem.detail);
    }
  }
}
