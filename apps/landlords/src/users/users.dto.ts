import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRole } from '../organisation/landlord.events.js';

export class NewUserDto {
  @ApiProperty({ example: 'Karin Holm' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'karin.holm@bostadsbolaget.se' }) @IsEmail() @Length(3, 254) email: string;
  @ApiProperty({ minLength: 12, description: 'Initial password, handed to the user; at least 12 characters' })
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password: string;
  @ApiPropertyOptional({ enum: USER_LANGUAGES, description: 'The language of the messages the user gets; Swedish when absent' })
  @IsOptional()
  @IsIn(USER_LANGUAGES)
  language?: UserLanguage;
}

export class InviteUserDto extends NewUserDto {
  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES) role: UserRole;
}

export class SignInDto {
  @ApiProperty({ example: 'karin.holm@bostadsbolaget.se' }) @IsEmail() @Length(3, 254) email: string;
  // Bounded so a huge body cannot make argon2 hash megabytes per attempt.
  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 200) @MaxLength(200) password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 200) currentPassword: string;
  @ApiProperty({ format: 'password', minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'newPassword must be 12 to 200 characters' })
  newPassword: string;
}

export class ChangeLanguageDto {
  @ApiProperty({ enum: USER_LANGUAGES, description: 'The language of the messages the user gets' }) @IsIn(USER_LANGUAGES) language: UserLanguage;
}
