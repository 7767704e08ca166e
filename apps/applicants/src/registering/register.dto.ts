import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export const PERSONNUMMER_PATTERN = /^(\d{2})?\d{6}[-+]?\d{4}$/;

export class AddressDto {
  @ApiProperty({ example: 'Storgatan 1' }) @IsString() @Length(1, 200) street: string;
  @ApiProperty({ example: '411 38' }) @MaxLength(10) @Matches(/^\d{3} ?\d{2}$/, { message: 'postalCode must be a Swedish postal code, e.g. 411 38' }) postalCode: string;
  @ApiProperty({ example: 'Göteborg' }) @IsString() @Length(1, 100) city: string;
}

export class RegisterApplicantDto {
  @ApiProperty({ example: '19811218-9876', description: 'Personnummer or samordningsnummer, YYYYMMDD-NNNN or YYMMDD-NNNN' })
  @IsString()
  @MaxLength(13)
  @Matches(PERSONNUMMER_PATTERN, { message: 'personnummer must look like YYYYMMDD-NNNN or YYMMDD-NNNN' })
  personnummer: string;

  @ApiProperty({ example: 'Astrid Lindqvist' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'astrid@example.se' })
  @IsEmail()
  @Length(3, 254)
  email: string;

  @ApiPropertyOptional({ example: '+46701234567' })
  @IsOptional()
  @MaxLength(30)
  @Matches(/^\+?[0-9 -]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiProperty({ minLength: 10, description: 'For signing in with the personnummer' })
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password: string;
}

export class RegisteredDto {
  @ApiProperty({ format: 'uuid' })
  applicantId: string;

  @ApiProperty({ example: '2026-11-24', description: 'Queue time counts from this Stockholm date' })
  queueStartDate: string;
}
