import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@bostadsko/platform';
import { ReportQueryDto } from './report-query.dto.js';
import { ReportRoutes } from './report-routes.js';
import { ReportsService } from './reports.service.js';
import { QueryBus } from '@nestjs/cqrs';
import { ReportPlaces } from './report.queries.js';

const PUBLISHED = [
  { report: 'lettings', path: '/statistics/open/lettings', formats: ['json', 'csv'] },
  { report: 'lettings-series', path: '/statistics/open/lettings/series', formats: ['json', 'csv', 'svg', 'png'] },
  { report: 'queue-time-needed', path: '/statistics/open/queue-time-needed', formats: ['json', 'csv', 'svg', 'png'] },
  { report: 'seekers', path: '/statistics/open/seekers', formats: ['json', 'csv', 'svg', 'png'] },
  { report: 'seekers-by-age', path: '/statistics/open/seekers/age-groups', formats: ['json', 'csv'] },
];

/**
 * Open data: no sign-in. Years, quarters and months; municipality, district,
 * rooms and listing type, one cut at a time; never a landlord. Same suppression.
 */
@ApiTags('statistics open data')
@Public()
@Controller('statistics/open')
export class OpenDataController {
  private readonly routes: ReportRoutes;

  constructor(
    reports: ReportsService,
    private readonly queries: QueryBus,
  ) {
    this.routes = new ReportRoutes(reports, queries, 'public');
  }

  @Get()
  @ApiOperation({ summary: 'The published reports and their formats' })
  catalogue() {
    return { reports: PUBLISHED, parameters: '/docs', licence: 'CC0 1.0: free to reuse without conditions' };
  }

  @Get('places')
  @ApiOperation({ summary: 'Municipalities and districts a report may name' })
  places() {
    return this.queries.execute(new ReportPlaces('public'));
  }

  @Get('lettings')
  @ApiProduces('application/json', 'text/csv')
  lettings(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.lettings(query, this.cacheable(reply));
  }

  @Get('lettings/series')
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  lettingsSeries(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.lettingsSeries(query, this.cacheable(reply));
  }

  @Get('queue-time-needed')
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  queueTimeNeeded(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.queueTimeNeeded(query, this.cacheable(reply));
  }

  @Get('seekers')
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  seekers(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.seekers(query, this.cacheable(reply));
  }

  @Get('seekers/age-groups')
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  seekersByAge(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.seekersByAge(query, this.cacheable(reply));
  }

  /** Anyone may cache a published figure for a few minutes; the store changes as lettings arrive. */
  private cacheable(reply: FastifyReply): FastifyReply {
    return reply.header('cache-control', 'public, max-age=300');
  }
}
