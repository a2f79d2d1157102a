import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ROLES, type Role } from '@cchc/domain';
import { IsAcceptablePassword } from '../auth/auth.dto';
import { SearchPageQuery } from '../http/common.dto';

export const CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export class CreateUserDto {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) @IsString() @MinLength(2) @MaxLength(200) fullName: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
  @ApiProperty({ minLength: 10, maxLength: 200 }) @IsAcceptablePassword() password: string;
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  notificationChannels?: Channel[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  notificationChannels?: Channel[];
}

export class PreferencesDto {
  @ApiProperty({ enum: CHANNELS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  notificationChannels: Channel[];
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 10, maxLength: 200 }) @IsAcceptablePassword() password: string;
}

export class UserListQuery extends SearchPageQuery {
  @ApiPropertyOptional({ description: 'Only users of this unit' }) @IsOptional() @IsUUID() unitId?: string;
}

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: CHANNELS, isArray: true }) notificationChannels: Channel[];
}
