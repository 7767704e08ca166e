import { Controller, Get } from '@nestjs/common';

/** Liveness for the supervisor: the web app holds no state of its own, so answering is being healthy. */
@Controller('health')
export class HealthController {
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
