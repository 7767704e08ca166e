import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient, type Call } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { sendPage } from '../../server/responses.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import type { View } from '../../views/view.js';
import { asLandlord, formText, requireLandlord } from './landlord-session.js';
import { periodDays, RANGE } from './report-period.js';
import { ReportsPage, type ReportsForm } from './reports.page.js';
import type { LettingReport, VacancyReport } from './reports.types.js';

type Raw = Record<string, unknown>;

/** This year in Stockholm, or the training clock's year when the clock has been moved. */
const yearOf = (view: View): string => view.clock?.businessDate.slice(0, 4) ?? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date());

const formOf = (raw: Raw, year: string): ReportsForm => ({ period: formText(raw.period) || year, from: formText(raw.from), to: formText(raw.to), on: formText(raw.on) });

/**
 * The landlord's reports: lettings in a period and vacancies on a date, from the landlords app's
 * reports of the organisation in the session (never one named in the address), as a page with
 * charts and tables, and as CSV files.
 */
@Controller('hyresvard/rapporter')
export class LandlordReportsController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async reports(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const call = asLandlord(request, landlord);
    const view = await this.pages.view(request, reply);
    const year = yearOf(view);
    const form = formOf(raw, year);
    const range = form.period === RANGE;
    const days = range ? { from: form.from, to: form.to } : periodDays(form.period);
    const errors: FieldMessage[] = [];
    if (!days) errors.push({ field: 'period', message: view.t('landlord.reports.form.periodInvalid') });
    if (range) for (const field of ['from', 'to'] as const) if (!form[field]) errors.push({ field, message: view.t('landlord.reports.form.dateMissing') });
    const base = `/landlords/${landlord.landlordId}/reports`;
    const [letting, vacancy] = await Promise.all([
      days && errors.length === 0 ? this.report<LettingReport>(`${base}/letting`, { ...call, query: days }, (refusal) => errors.push(...lettingRefused(refusal, view, range))) : undefined,
      this.report<VacancyReport>(`${base}/vacancy`, { ...call, query: { on: form.on } }, () => errors.push({ field: 'on', message: view.t('landlord.reports.form.onRefused') })),
    ]);
    const shown: ReportsForm = { ...form, on: vacancy?.on ?? form.on, ...(letting && range && { from: letting.from, to: letting.to }) };
    sendPage(reply, <ReportsPage view={view} form={shown} year={year} letting={letting} vacancy={vacancy} errors={errors} />, errors.length ? 400 : 200);
  }

  @Get('uthyrningar.csv')
  async lettingsCsv(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = { from: formText(raw.from), to: formText(raw.to) };
    await this.csv(request, reply, 'letting', query, `uthyrningar-${query.from}-${query.to}`);
  }

  @Get('vakanser.csv')
  async vacanciesCsv(@Query() raw: Raw, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = { on: formText(raw.on) };
    await this.csv(request, reply, 'vacancy', query, `vakanser-${query.on}`);
  }

  /** A report, or undefined with `refused` told why when the landlords app refuses the period or date as given. */
  private async report<T>(path: string, call: Call, refused: (refusal: ApiRefusal) => void): Promise<T | undefined> {
    try {
      return (await this.api.get<T>('landlords', path, call)).body;
    } catch (error) {
      if (!(error instanceof ApiRefusal) || (error.status !== 400 && error.status !== 422)) throw error;
      refused(error);
      return undefined;
    }
  }

  /** The landlords app's CSV of the report, passing on only the period or date, with a file name that cannot break the header. */
  private async csv(request: FastifyRequest, reply: FastifyReply, report: 'letting' | 'vacancy', query: Record<string, string>, name: string): Promise<void> {
    const landlord = requireLandlord(request);
    try {
      const { body } = await this.api.get<string>('landlords', `/landlords/${landlord.landlordId}/reports/${report}`, { ...asLandlord(request, landlord), query: { ...query, format: 'csv' } });
      reply
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`)
        .send(body);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || (error.status !== 400 && error.status !== 422)) throw error;
      reply.status(400).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(error.problem.detail);
    }
  }
}

/** The landlords app's refusal of the period: at the range's dates when the landlord typed them, else at the period. */
function lettingRefused(refusal: ApiRefusal, view: View, range: boolean): FieldMessage[] {
  const message = view.t('landlord.reports.form.periodRefused');
  if (!range) return [{ field: 'period', message }];
  const fields = new Set((refusal.problem.errors ?? []).map((error) => error.field).filter((field) => field === 'from' || field === 'to'));
  return (fields.size ? [...fields] : ['to']).map((field) => ({ field, message }));
}
