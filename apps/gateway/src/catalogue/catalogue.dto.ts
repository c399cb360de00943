import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';

/**
 * Codes as the national catalogue writes them (`1.001193`, `000.00.01.H26`, `to-khai`).
 * The first character is alphanumeric, so `.` and `..` can never reach an upstream path.
 */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CODE_MESSAGE = 'Mã không hợp lệ';

export class ProcedureParams {
  @ApiProperty({ example: '1.001193' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;
}

export class FormParams extends ProcedureParams {
  @ApiProperty({ example: 'to-khai-khai-sinh' })
  @Matches(CODE, { message: CODE_MESSAGE })
  formId: string;
}

export class HolidaysQuery {
  @ApiPropertyOptional({ description: 'Năm (mặc định: mọi năm)', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;
}

/** Input of `POST /admin/procedures/import`: procedures in the seed's shape, each checked by catalogue. */
export class ImportProceduresDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'ProcedureSeed[] (same shape as the seed)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsObject({ each: true })
  procedures: Record<string, unknown>[];
}
