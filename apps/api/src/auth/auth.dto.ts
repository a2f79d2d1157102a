import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength, Matches } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'approver.bth-sgddt@demo.cchc.vn' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'CchcDemo@2024' }) @IsString() @MinLength(1) @MaxLength(200) password: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(500) refreshToken: string;
}

export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{10,200}$/;
export const PASSWORD_RULE_MESSAGE = 'Mật khẩu phải dài ít nhất 10 ký tự, có cả chữ và số';

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(200) currentPassword: string;
  @ApiProperty({ description: 'At least 10 characters with letters and digits' })
  @IsString()
  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_MESSAGE })
  newPassword: string;
}

export class TokenPairResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty() tokenType: 'Bearer';
}
