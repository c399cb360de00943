import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** giấy tờ cá nhân: the kinds a citizen keeps in the personal document wallet. */
export const PersonalDocumentTypes = [
  'id-card',
  'birth-certificate',
  'household-registration',
  'degree',
  'other',
] as const;
export type PersonalDocumentType = (typeof PersonalDocumentTypes)[number];

/** Text fields of the multipart `POST /me/documents` (the `file` part is streamed). */
export class CreatePersonalDocumentDto {
  @ApiProperty({ enum: PersonalDocumentTypes })
  @IsIn(PersonalDocumentTypes)
  type: PersonalDocumentType;

  @ApiProperty({ example: 'Căn cước công dân', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: '001099012345', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  number?: string;

  @ApiPropertyOptional({ example: '2021-05-20' })
  @IsOptional()
  @IsISO8601({ strict: true })
  issuedAt?: string;
}

/** Why a file is kept: decides who may read it and when it may be cleaned up. */
export type FilePurpose = 'wallet' | 'attachment' | 'result';

export type FileStatus = 'clean' | 'infected' | 'deleted';

export interface StoredFileView {
  id: string;
  ownerId: string;
  purpose: FilePurpose;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  status: FileStatus;
  createdAt: string;
}

export interface PersonalDocumentView {
  id: string;
  /** The stored file behind the document (what `storage.files.copy` copies into a dossier). */
  fileId: string;
  type: PersonalDocumentType;
  title: string;
  number: string | null;
  issuedAt: string | null;
  file: { fileName: string; contentType: string; size: number; sha256: string };
  createdAt: string;
}

/**
 * Internal HTTP API of document-storage (never exposed by the ingress; the gateway calls it
 * with the internal token). The body of an upload is the raw file stream.
 */
export const StorageHttp = {
  /** POST, raw body; headers below; answers StoredFileView (201) or a problem. */
  upload: '/internal/files',
  /** GET, streams the bytes of a clean file to its owner or a named service principal. */
  content: (fileId: string) => `/internal/files/${fileId}/content`,
  headers: {
    owner: 'x-file-owner',
    /** Who reads a file the caller does not own (one of FILE_READING_SERVICES). */
    principal: 'x-file-principal',
    purpose: 'x-file-purpose',
    fileName: 'x-file-name', // URI-encoded original name
    maxBytes: 'x-max-bytes', // cap for this upload (e.g. what is left of the dossier quota)
  },
} as const;

/**
 * Service principals that may read files they do not own, and what each may read: `dossier`
 * streams a dossier's attachments and results after `dossier.files.authorize` said yes.
 */
export const FILE_READING_SERVICES = {
  dossier: ['attachment', 'result'],
} as const satisfies Record<string, readonly FilePurpose[]>;

export type FileReadingService = keyof typeof FILE_READING_SERVICES;

/** Who reads a file over the internal HTTP API: never nobody. */
export type FileReader = { ownerId: string } | { service: FileReadingService };
