import { Body, Controller, Get, HttpCode, Inject, Post, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length } from 'class-validator';
import { CommandBus } from '@nestjs/cqrs';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { CurrentUser, commandContext, IsCalendarDate, Public, Roles, type AuthenticatedUser, type Role } from '@bostadsko/platform';
import { ChangePolicy } from './change-policy.js';
import type { DatedPolicy } from './dated-policy.js';
import type { Settings, SettingLimits } from './settings.js';

/** One app's dated policy as published over HTTP. */
export interface PolicyApi<P extends Settings<P>, S extends DatedPolicy<P>> {
  /** The route, e.g. `applicants/policy`. */
  readonly path: string;
  readonly tag: string;
  /** Names the controller and its change schema in the OpenAPI document: `` `${name}Controller` ``, `` `${name}ChangeDto` ``. */
  readonly name: string;
  /** The provider holding the policy. */
  readonly service: Type<S>;
  readonly limits: SettingLimits<P>;
  /** Whole numbers (days, counts), or amounts with up to two decimals. */
  readonly values: 'integers' | 'decimals';
  /** Who may read the history of changes; only admins change it. */
  readonly historyReaders: readonly Role[];
  readonly reasonExample: string;
  /** What a read on a date answers: the settings, unless the app joins more to them. */
  readonly onDate?: (service: S, date: IsoDate) => Promise<object>;
}

class PolicyOnQuery {
  @ApiPropertyOptional({ example: '2026-11-24' }) @IsOptional() @IsCalendarDate() on?: string;
}

/**
 * The controller of a dated policy, the same in every app: anyone may read what
 * applied on a date; the history goes to the roles named; only admins change a
 * setting, from today or later, with a reason.
 */
export function policyController<P extends Settings<P>, S extends DatedPolicy<P>>(api: PolicyApi<P, S>): Type<unknown> {
  const settings = Object.keys(api.limits);
  const onDate = api.onDate ?? ((service: S, date: IsoDate) => service.on(date));

  class PolicyChangeDto {
    @ApiProperty({ enum: settings }) @IsIn(settings) setting: keyof P & string;
    @ApiProperty({ type: api.values === 'integers' ? 'integer' : 'number' })
    @(api.values === 'integers' ? IsInt() : IsNumber({ maxDecimalPlaces: 2 }))
    value: number;
    @ApiProperty({ example: '2027-01-01', description: 'Today or later: a rule change never rewrites history' }) @IsCalendarDate() effectiveFrom: string;
    @ApiProperty({ example: api.reasonExample }) @IsString() @Length(5, 500) reason: string;
  }
  Object.defineProperty(PolicyChangeDto, 'name', { value: `${api.name}ChangeDto` });

  @ApiTags(api.tag)
  @Controller(api.path)
  class PolicyController {
    constructor(
      @Inject(api.service) private readonly policy: S,
      @Inject(Clock) private readonly clock: Clock,
      @Inject(CommandBus) private readonly commands: CommandBus,
    ) {}

    @Get()
    @Public()
    async on(@Query() query: PolicyOnQuery) {
      const on = query.on ?? stockholmDate(this.clock.now());
      return { on, ...(await onDate(this.policy, on)) };
    }

    @Get('changes')
    @ApiBearerAuth()
    @Roles(...api.historyReaders)
    changes() {
      return this.policy.changes();
    }

    @Post('changes')
    @ApiBearerAuth()
    @Roles('admin')
    @HttpCode(201)
    change(@CurrentUser() user: AuthenticatedUser, @Body() body: PolicyChangeDto) {
      return this.commands.execute(new ChangePolicy(api.service as never, body, commandContext(user.id)));
    }
  }
  Object.defineProperty(PolicyController, 'name', { value: `${api.name}Controller` });
  return PolicyController;
}
