import { newStreamId } from '@bostadsko/command-handling';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { commandContext, CurrentUser, InvalidRequest, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FeeDiscrepancies } from './fee.queries.js';
import { RegisterPayment, ResolveFeeDiscrepancy, UploadPaymentFile } from './fee.handlers.js';
import { stockholmDate } from '@bostadsko/calendar';
import { decodeBankFile } from './bank-file.js';
import { DiscrepanciesQuery, DiscrepancyDto, ResolutionResultDto, ResolveDiscrepancyDto } from './discrepancies.dto.js';
import type { ResolutionResult } from './discrepancy-resolution.service.js';
import type { Resolution } from './fee-discrepancy.events.js';
import { PaymentFileDto, PaymentFileReportDto, PaymentResultDto, RegisterPaymentDto } from './fees.dto.js';
import { sekFromOre, oreFromSek } from './money.js';
import { OCR_PROBLEM_MESSAGES, ocrProblem } from './ocr.js';
import type { PaymentFileReport } from './payment-files.service.js';
import type { PaymentResult } from './payments.service.js';
import { Clock } from '@bostadsko/clock';

interface Reply {
  status(code: number): unknown;
}

@ApiTags('fees')
// The JSON form of a bank file is referred to from a oneOf, which Nest does not follow to register the schema.
@ApiExtraModels(PaymentFileDto)
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('applicants/fees')
export class PaymentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post('payments')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PaymentResultDto, description: 'Recorded: applied to its notice, or kept as a discrepancy or unmatched payment for staff. 200 when it was recorded before.' })
  async register(@CurrentUser() user: AuthenticatedUser, @Body() body: RegisterPaymentDto, @Res({ passthrough: true }) reply: Reply): Promise<PaymentResultDto> {
    // Typed by hand, so a mistyped reference is refused here; in a bank file the money is real and is kept as unmatched.
    const problem = ocrProblem(body.reference);
    if (problem) throw new InvalidRequest([{ field: 'reference', messages: [OCR_PROBLEM_MESSAGES[problem]] }], OCR_PROBLEM_MESSAGES[problem]);
    if (body.paidOn > stockholmDate(this.clock.now())) throw new InvalidRequest([{ field: 'paidOn', messages: ['paidOn cannot be in the future'] }]);
    const result = await this.commands.execute(
      new RegisterPayment(
        {
          // A manual payment's id is the same on a retry under the same Idempotency-Key, so a retry after a crash finds it.
          paymentId: body.bankReference ? `bank:${body.bankReference}` : `manual:${newStreamId('manual-payment')}`,
          reference: body.reference,
          amountOre: oreFromSek(body.amount),
          paidOn: body.paidOn,
          bankReference: body.bankReference ?? null,
          source: 'manual',
          fileId: null,
          registeredBy: user.id,
        },
        commandContext(user.id),
      ),
    );
    if (result.duplicate) reply.status(200);
    return paymentDto(result);
  }

  @Post('payment-files')
  @HttpCode(201)
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({
    description: 'The CSV file itself (text/csv, UTF-8), or JSON { fileName, content }; format in BANK-FILE.md',
    schema: { oneOf: [{ type: 'string' }, { $ref: getSchemaPath(PaymentFileDto) }] },
  })
  @ApiQuery({ name: 'fileName', required: false, description: 'For a text/csv body: the name to record' })
  @ApiCreatedResponse({ type: PaymentFileReportDto, description: 'Every line with its outcome. 200 with alreadyProcessed when this exact file was uploaded before.' })
  async upload(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown, @Query('fileName') fileName: unknown, @Res({ passthrough: true }) reply: Reply): Promise<PaymentFileReportDto> {
    const file = await fileOf(body, fileName);
    const report = await this.commands.execute(new UploadPaymentFile(file.content, file.fileName, stockholmDate(this.clock.now()), commandContext(user.id)));
    if (report.alreadyProcessed) reply.status(200);
    return reportDto(report);
  }

  @Get('discrepancies')
  @ApiOkResponse({ type: [DiscrepancyDto], description: 'Newest first: payments not applied as sent, unmatched payments and unreadable bank-file lines' })
  async discrepancies(@Query() query: DiscrepanciesQuery): Promise<{ items: DiscrepancyDto[]; limit: number; offset: number }> {
    return this.queries.execute(new FeeDiscrepancies(query.kind ?? null, query.state ?? 'open', query.id ?? null, query.limit ?? 100, query.offset ?? 0));
  }

  @Post('discrepancy-resolutions')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ResolutionResultDto, description: 'Resolved: it leaves the open list; matched money is registered on the notice as a payment the fee rules apply' })
  @ApiNotFoundResponse({ description: 'No listed discrepancy has that id' })
  @ApiConflictResponse({ description: 'Already resolved (by whom, how and when in the problem), or resolved by someone else at the same moment' })
  @ApiUnprocessableEntityResponse({ description: 'The resolution does not fit the discrepancy (no money held to match or refund), or no notice has the reference' })
  async resolve(@CurrentUser() user: AuthenticatedUser, @Body() body: ResolveDiscrepancyDto): Promise<ResolutionResultDto> {
    if (body.resolution === 'matched' && body.reference !== undefined) {
      const problem = ocrProblem(body.reference);
      if (problem) throw new InvalidRequest([{ field: 'reference', messages: [OCR_PROBLEM_MESSAGES[problem]] }], OCR_PROBLEM_MESSAGES[problem]);
    }
    const request = { discrepancyId: body.discrepancyId, resolution: body.resolution as Resolution, note: body.note, reference: body.resolution === 'matched' ? (body.reference ?? null) : null };
    return resolutionDto(await this.commands.execute(new ResolveFeeDiscrepancy(request, commandContext(user.id))));
  }
}

function resolutionDto({ resolved, payment }: ResolutionResult): ResolutionResultDto {
  const { discrepancyId, resolution, note, resolvedBy, resolvedOn, match, amountOre } = resolved;
  return { discrepancyId, resolution, note, resolvedBy, resolvedOn, match, amount: amountOre === null ? null : sekFromOre(amountOre), payment: payment && paymentDto(payment) };
}

/** The file from either body form: the raw CSV bytes, plain text, or the JSON envelope (validated like any DTO). */
async function fileOf(body: unknown, fileName: unknown): Promise<{ content: string; fileName: string | null }> {
  if (fileName !== undefined && (typeof fileName !== 'string' || fileName.length < 1 || fileName.length > 255)) {
    throw new InvalidRequest([{ field: 'fileName', messages: ['fileName must be 1 to 255 characters'] }]);
  }
  const name = (fileName as string | undefined) ?? null;
  if (Buffer.isBuffer(body)) {
    const content = decodeBankFile(body);
    if (content === undefined) throw new InvalidRequest([{ field: 'content', messages: ['the file must be UTF-8 encoded'] }]);
    return { content, fileName: name };
  }
  if (typeof body === 'string') return { content: body.replace(/^\uFEFF/, ''), fileName: name };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequest([{ field: 'content', messages: ['send the file as text/csv, or JSON { fileName, content }'] }]);
  }
  const dto = plainToInstance(PaymentFileDto, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new InvalidRequest(errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) })));
  return { content: dto.content.replace(/^\uFEFF/, ''), fileName: dto.fileName };
}

function paymentDto(result: PaymentResult): PaymentResultDto {
  const { amountOre, appliedOre, ...rest } = result;
  return { ...rest, amount: sekFromOre(amountOre), applied: sekFromOre(appliedOre) };
}

function reportDto(report: PaymentFileReport): PaymentFileReportDto {
  const summary: Record<string, number> = {};
  for (const line of report.lines) summary[line.outcome] = (summary[line.outcome] ?? 0) + 1;
  return {
    fileId: report.fileId,
    fileName: report.fileName,
    alreadyProcessed: report.alreadyProcessed,
    summary,
    lines: report.lines.map(({ amountOre, messages, ...line }) => ({ ...line, ...(amountOre !== undefined && { amount: sekFromOre(amountOre) }), ...(messages && { messages: [...messages] }) })),
  };
}
