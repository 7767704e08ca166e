import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { AccountRepository } from './account.repository.js';
import { Roles } from './roles.decorator.js';

export class StaffQuery {
  @ApiPropertyOptional({ type: 'string', description: 'Account ids as recorded in decidedBy, actor or resolvedBy, comma-separated, at most 200' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((id) => id.trim()) : value))
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];
}

class StaffMember {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name the account was given, else its username' }) name: string;
  @ApiProperty({ type: [String], example: ['staff'] }) roles: string[];
}

/**
 * Who a recorded staff id was, for the back office to show a name and a role instead of an id. Staff
 * names are kept here, never in the events: an account renamed or removed is shown as it is now. The
 * ids are those of the app that signed the token in (the website signs staff in on applicants).
 */
@ApiTags('auth')
@ApiBearerAuth()
@Roles('staff', 'analyst', 'admin')
@Controller('auth/staff')
export class StaffDirectoryController {
  constructor(private readonly accounts: AccountRepository) {}

  @Get()
  @ApiOperation({ summary: 'Names and roles of back-office accounts, by id' })
  @ApiOkResponse({ type: [StaffMember], description: 'The accounts found; an id that is not a back-office account is left out' })
  async staff(@Query() query: StaffQuery): Promise<StaffMember[]> {
    if (!query.ids?.length) return [];
    const accounts = await this.accounts.staffByIds(query.ids);
    return accounts.map((a) => ({ id: a.id, name: a.name ?? a.username, roles: [...a.roles] }));
  }
}
