import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsOrganisationNumber } from '../shared/validators.js';

export class ContactDto {
  @ApiProperty({ example: 'Karin Holm' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'karin.holm@bostadsbolaget.se' }) @IsEmail() @Length(3, 254) email: string;
  @ApiPropertyOptional({ example: '+46 31 123 45 67' })
  @IsOptional()
  @MaxLength(30)
  @Matches(/^\+?[0-9 -]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;
}

export class RegisterLandlordDto {
  @ApiProperty({ example: 'Bostadsbolaget i Göteborg AB' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({ example: '556677-8899', description: 'Swedish organisation number, NNNNNN-NNNN, with check digit' })
  @IsString()
  @MaxLength(13)
  @IsOrganisationNumber()
  organisationNumber: string;
  @ApiProperty({ type: ContactDto }) @IsObject() @ValidateNested() @Type(() => ContactDto) contact: ContactDto;
}

export class ChangeContactDto {
  @ApiProperty({ type: ContactDto }) @IsObject() @ValidateNested() @Type(() => ContactDto) contact: ContactDto;
}
