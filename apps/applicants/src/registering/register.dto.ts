import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches } from 'class-validator';

export class RegisterApplicantDto {
  @ApiProperty({ example: '19811218-9876', description: 'Personnummer or samordningsnummer, YYYYMMDD-NNNN or YYMMDD-NNNN' })
  @IsString()
  @Matches(/^(\d{2})?\d{6}[-+]?\d{4}$/, { message: 'personnummer must look like YYYYMMDD-NNNN or YYMMDD-NNNN' })
  personnummer: string;

  @ApiProperty({ example: 'Astrid Lindqvist' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'astrid@example.se' })
  @IsEmail()
  @Length(3, 254)
  email: string;
}

export class RegisteredDto {
  @ApiProperty({ format: 'uuid' })
  applicantId: string;

  @ApiProperty({ example: '2026-11-24', description: 'Queue time counts from this Stockholm date' })
  queueStartDate: string;
}
