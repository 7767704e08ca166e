import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '@bostadsko/clock';
import { env, loadConfig, Public } from '@bostadsko/platform';
import { atomFeed, jsonFeed, type Feed } from './listing-feed.js';
import { SearchListingsQuery } from './search.dto.js';
import { SearchListings } from '../listing/listing.queries.js';

const variables = {
  /** The website the feed's links point to. */
  PUBLIC_SITE_URL: env.url({ protocols: ['http', 'https'] }).default('http://localhost:3000'),
};
const ENTRIES = 50;
/** Readers poll: five minutes in any cache, then a conditional request that usually answers 304. */
const CACHE_CONTROL = 'public, max-age=300';

/**
 * The public feed of new listings (Atom and JSON Feed), taking the search's
 * filters: the documented, cacheable source for the tools people build instead
 * of scraping. Served here, beside the search it reuses, rather than by the
 * website, which renders pages for people and owns no data.
 */
@ApiTags('listings')
@Controller('listings')
export class FeedController {
  private readonly siteUrl = loadConfig(variables).PUBLIC_SITE_URL.replace(/\/$/, '');

  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get('feed.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'The newest 50 listings open for applications matching the filters (as GET /listings takes them), newest first; ETag and Last-Modified' })
  async atom(@Query() query: SearchListingsQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const items = await this.items(query);
    this.send(request, reply, atomFeed(items, this.siteUrl, this.selfUrl(request), this.clock.now()), 'application/atom+xml; charset=utf-8');
  }

  @Get('feed.json')
  @Public()
  @ApiProduces('application/feed+json')
  @ApiOkResponse({ description: 'The same as JSON Feed 1.1, each item with the listing’s facts under `_bostadsko`' })
  async json(@Query() query: SearchListingsQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const items = await this.items(query);
    this.send(request, reply, jsonFeed(items, this.siteUrl, this.selfUrl(request), this.clock.now()), 'application/feed+json; charset=utf-8');
  }

  private async items(query: SearchListingsQuery) {
    return (await this.queries.execute(new SearchListings({ ...query, sort: '-published', page: 1, pageSize: ENTRIES }))).items;
  }

  private selfUrl(request: FastifyRequest): string {
    return `${request.protocol}://${request.hostname}${request.url}`;
  }

  /** 304 when the reader's copy is current: If-None-Match first, else If-Modified-Since (RFC 9110). */
  private send(request: FastifyRequest, reply: FastifyReply, feed: Feed, type: string): void {
    const lastModified = new Date(Math.floor(feed.lastModified.getTime() / 1000) * 1000);
    reply.header('etag', feed.etag).header('last-modified', lastModified.toUTCString()).header('cache-control', CACHE_CONTROL).header('vary', 'accept-encoding');
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const current =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag || tag.trim() === '*')
        : ifModifiedSince !== undefined && !Number.isNaN(Date.parse(ifModifiedSince)) && Date.parse(ifModifiedSince) >= lastModified.getTime();
    if (current) {
      reply.status(304).send();
      return;
    }
    reply.status(200).type(type).send(feed.body);
  }
}
