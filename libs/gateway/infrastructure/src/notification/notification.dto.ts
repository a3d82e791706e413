import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class NotificationListParams {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only unread ones' }) @IsOptional() @IsIn(['true', 'false']) unread?: string;
  @ApiPropertyOptional({ description: '1–200, default 50' }) @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' }) @IsOptional() @IsString() @Length(1, 100) before?: string;
}

export class DeadLetterParams {
  @ApiPropertyOptional({ description: '1–500, default 50' }) @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
}
