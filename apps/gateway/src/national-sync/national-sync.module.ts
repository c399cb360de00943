import { Module } from '@nestjs/common';
import { NationalSyncController } from './national-sync.controller';

@Module({ controllers: [NationalSyncController] })
export class NationalSyncModule {}
