import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Conflict, currentCorrelationId, InvalidRequest, Public } from '../../../../libs/platform/src/index.js';
import { AlreadyRegistered } from '../applicant/applicant.decider.js';
import { parsePersonnummer } from '../applicant/personnummer.js';
import { RegisterApplicantCommand } from './register.command.js';
import { RegisteredDto, RegisterApplicantDto } from './register.dto.js';

const PROBLEM: Record<string, string> = {
  format: 'personnummer is not a Swedish personal identity or coordination number',
  date: 'personnummer does not contain a real date of birth in the past',
  checksum: 'personnummer has a wrong check digit',
};

@ApiTags('applicants')
@Controller('applicants')
export class RegisterController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiCreatedResponse({ type: RegisteredDto, description: 'The account exists; queue time counts from queueStartDate' })
  @ApiConflictResponse({ description: 'This person already has an account' })
  @ApiBadRequestResponse({ description: 'A field is invalid, e.g. a personnummer with a wrong check digit' })
  async register(@Body() body: RegisterApplicantDto): Promise<RegisteredDto> {
    const parsed = parsePersonnummer(body.personnummer, new Date());
    if (typeof parsed === 'string') {
      throw new InvalidRequest([{ field: 'personnummer', messages: [PROBLEM[parsed]] }], PROBLEM[parsed]);
    }
    try {
      return await this.commands.execute(
        new RegisterApplicantCommand({ personnummer: parsed.value, name: body.name, email: body.email }, currentCorrelationId() ?? randomUUID()),
      );
    } catch (error) {
      if (error instanceof AlreadyRegistered) throw new Conflict(error.message);
      throw error;
    }
  }
}
