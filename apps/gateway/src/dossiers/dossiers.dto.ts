import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class DossierParams {
  @ApiProperty()
  @IsUUID()
  id: string;
}

export class DossierFileParams extends DossierParams {
  @ApiProperty()
  @IsUUID()
  fileId: string;
}

export class DossierAttachmentParams extends DossierParams {
  @ApiProperty()
  @IsUUID()
  attachmentId: string;
}

/** Text field of the multipart `POST /dossiers/:id/attachments`. */
export class AttachmentFieldsDto {
  @ApiProperty({ example: 'giay-chung-sinh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  componentId: string;
}
