import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';

/** 5000 lines of about 60 bytes, with room to spare. */
const CSV_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Lets bank files be posted as they are (text/csv). The body arrives as bytes,
 * so the upload can refuse a file that is not UTF-8 instead of reading it wrong.
 * Registered at module init, before Fastify starts and locks its parsers.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    (this.host.httpAdapter as FastifyAdapter).useBodyParser('text/csv', false, { bodyLimit: CSV_BODY_LIMIT });
  }
}
