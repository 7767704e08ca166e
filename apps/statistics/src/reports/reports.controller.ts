import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@bostadsko/platform';
import { ReportQueryDto } from './report-query.dto.js';
import { ReportRoutes } from './report-routes.js';
import { ReportsService } from './reports.service.js';
import { QueryBus } from '@nestjs/cqrs';
import { ReportPlaces } from './report.queries.js';

/** The detailed reports: every cut (landlord included), custom ranges and several cuts at once. */
@ApiTags('statistics reports (analysts)')
@ApiBearerAuth()
@Roles('analyst', 'staff', 'admin')
@Controller('statistics/reports')
export class ReportsController {
  private readonly routes: ReportRoutes;

  constructor(
    reports: ReportsService,
    private readonly queries: QueryBus,
  ) {
    this.routes = new ReportRoutes(reports, queries, 'analyst');
  }

  @Get('lettings')
  @ApiOperation({ summary: 'Flats let, queue days, applications per listing, rent, rent per m², days to let; by up to three cuts' })
  @ApiProduces('application/json', 'text/csv')
  lettings(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.lettings(query, reply);
  }

  @Get('lettings/series')
  @ApiOperation({ summary: 'The lettings figures per month, quarter or year' })
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  lettingsSeries(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.lettingsSeries(query, reply);
  }

  @Get('queue-time-needed')
  @ApiOperation({ summary: 'Median queue days of the new tenants per district and number of rooms' })
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  queueTimeNeeded(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.queueTimeNeeded(query, reply);
  }

  @Get('seekers')
  @ApiOperation({ summary: 'Registered seekers, new registrations, deregistrations, closed accounts and the share active' })
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  seekers(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.seekers(query, reply);
  }

  @Get('seekers/wanted')
  @ApiOperation({ summary: 'Seekers who applied in the period, by the municipality or the list type of the listings they applied to (analysts only)' })
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  seekersWanted(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.seekersWanted(query, reply);
  }

  @Get('seekers/age-groups')
  @ApiOperation({ summary: 'Seekers in the queue on the period’s last day by age group, and the share active' })
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml', 'image/png')
  seekersByAge(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.routes.seekersByAge(query, reply);
  }

  @Get('places')
  @ApiOperation({ summary: 'Municipalities, districts and landlords a report may name' })
  places() {
    return this.queries.execute(new ReportPlaces('analyst'));
  }
}
