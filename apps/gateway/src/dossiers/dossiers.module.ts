import { Module } from '@nestjs/common';
import { StorageFiles } from '../files/storage-files';
import { DocumentsController } from '../me/documents.controller';
import { OfficerController } from '../officer/officer.controller';
import { RatingsController } from '../officer/ratings.controller';
import { StatsController } from '../officer/stats.controller';
import { LookupController } from '../public/lookup.controller';
import { ScoresController } from '../public/scores.controller';
import { VerifyController } from '../public/verify.controller';
import { DossiersController } from './dossiers.controller';

/** Dossiers, the document wallet, the officer console and the public lookup: everything that moves files. */
@Module({
  controllers: [
    DossiersController,
    DocumentsController,
    StatsController,
    RatingsController,
    OfficerController,
    LookupController,
    ScoresController,
    VerifyController,
  ],
  providers: [StorageFiles],
})
export class DossiersModule {}
