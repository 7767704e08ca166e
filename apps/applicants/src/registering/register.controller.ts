import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId, Public } from '@bostadsko/platform';
import { validPersonnummer } from '../applicant/personnummer.request.js';
import { RegisterApplicantCommand } from './register.command.js';
import { RegisteredDto, RegisterApplicantDto } from './register.dto.js';
import { Clock } from '@bostadsko/clock';

@ApiTags('applicants')
@Controller('applicants')
export class RegisterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiCreatedResponse({ type: RegisteredDto, description: 'The account exists; queue time counts from queueStartDate' })
  @ApiConflictResponse({ description: 'This person already has an account' })
  @ApiBadRequestResponse({ description: 'A field is invalid, e.g. a personnummer with a wrong check digit' })
  @ApiUnprocessableEntityResponse({ description: 'Below the minimum age in the policy' })
  register(@Body() body: RegisterApplicantDto): Promise<RegisteredDto> {
    const { personnummer, ...details } = body;
    return this.commands.execute(new RegisterApplicantCommand({ ...details, personnummer: validPersonnummer(personnummer, this.clock.now()) }, currentCorrelationId() ?? randomUUID()));
  }
}
