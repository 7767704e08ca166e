import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from './public.decorator.js';
import { THROTTLED_DESCRIPTION } from './throttle/too-many-sign-in-attempts.js';
import { SignInService } from './sign-in.service.js';
import type { IssuedToken } from './token.service.js';

export class TokenRequest {
  @ApiProperty({ example: 'anna@agency.se' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  // Bounded so a huge body cannot make argon2 hash megabytes per attempt.
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}

class TokenResponse implements IssuedToken {
  @ApiProperty()
  access_token: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires' })
  expires_in: number;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly signIn: SignInService) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a staff, analyst or admin username and password for a bearer token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid username or password' })
  @ApiTooManyRequestsResponse({ description: THROTTLED_DESCRIPTION })
  token(@Body() body: TokenRequest, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<IssuedToken> {
    return this.signIn.signIn(body.username, body.password, { request, reply });
  }
}
