import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { commandContext, CurrentUser, InvalidRequest, Roles, type AuthenticatedUser, type FieldError } from '@bostadsko/platform';
import { AlertModeDto, SaveSearchDto } from './saved-search.dto.js';
import { ChangeSearchAlerts, DeleteSearch, SaveSearch } from './saved-search.commands.js';
import type { SearchFilters } from './saved-search.events.js';
import { SavedSearchesOf, type SavedSearchView } from './saved-searches.query.js';

const applicantOf = (user: AuthenticatedUser) => {
  if (!user.roles.includes('applicant')) throw new ForbiddenException('Only a seeker keeps saved searches');
  return user.id;
};

const RANGES = [
  ['roomsMin', 'roomsMax'],
  ['rentMin', 'rentMax'],
  ['areaMin', 'areaMax'],
  ['moveInFrom', 'moveInTo'],
] as const;

/** The filters as kept: absent ones null, a range whose ends are swapped refused field by field. */
function filtersOf(body: SaveSearchDto): SearchFilters {
  const errors: FieldError[] = RANGES.filter(([low, high]) => body[low] !== undefined && body[high] !== undefined && body[low] > body[high]).map(([low, high]) => ({
    field: high,
    messages: [`must not be below ${low}`],
  }));
  if (errors.length > 0) throw new InvalidRequest(errors);
  return {
    municipality: body.municipality?.trim() || null,
    district: body.district?.trim() || null,
    roomsMin: body.roomsMin ?? null,
    roomsMax: body.roomsMax ?? null,
    rentMin: body.rentMin ?? null,
    rentMax: body.rentMax ?? null,
    areaMin: body.areaMin ?? null,
    areaMax: body.areaMax ?? null,
    moveInFrom: body.moveInFrom ?? null,
    moveInTo: body.moveInTo ?? null,
    listTypes: [...new Set(body.listTypes ?? [])],
  };
}

/** The signed-in seeker's saved searches (bevakningar): alerts when a matching listing they may apply for is published. */
@ApiTags('saved searches')
@ApiBearerAuth()
@Roles('applicant')
@Controller('messages/saved-searches')
export class SavedSearchesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The seeker’s saved searches, oldest first' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<SavedSearchView[]> {
    return this.queries.execute(new SavedSearchesOf(applicantOf(user)));
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Saved: `searchId`' })
  @ApiConflictResponse({ description: 'Already as many saved searches as the policy allows (`saved-search-cap`)' })
  async save(@CurrentUser() user: AuthenticatedUser, @Body() body: SaveSearchDto): Promise<{ searchId: string }> {
    const applicantId = applicantOf(user);
    return this.commands.execute(new SaveSearch(applicantId, filtersOf(body), body.alerts ?? 'immediate', commandContext(user.id)));
  }

  @Post(':searchId/alerts')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Alerts at once or in the daily digest from now on' })
  async alerts(@CurrentUser() user: AuthenticatedUser, @Param('searchId', ParseUUIDPipe) searchId: string, @Body() body: AlertModeDto): Promise<void> {
    await this.commands.execute(new ChangeSearchAlerts(applicantOf(user), searchId, body.alerts, commandContext(user.id)));
  }

  @Delete(':searchId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted: no alerts from it any more' })
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('searchId', ParseUUIDPipe) searchId: string): Promise<void> {
    await this.commands.execute(new DeleteSearch(applicantOf(user), searchId, commandContext(user.id)));
  }
}
