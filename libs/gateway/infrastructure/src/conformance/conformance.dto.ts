import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class SampleNoteRequest {
  @ApiProperty({ example: 'subj-1', description: 'Opaque data-subject id' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/)
  subjectId!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  text!: string;
}

export class SampleSubjectUpdate {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  label!: string;
}
