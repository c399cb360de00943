import { Module } from '@nestjs/common';
import { StorageFiles } from '../files/storage-files';
import {
  FeedbackController,
  OfficerFeedbackController,
  PublicFeedbackController,
} from './feedback.controller';

/** Phản ánh, kiến nghị routes (the dossier service keeps them; files go to document-storage). */
@Module({
  controllers: [FeedbackController, PublicFeedbackController, OfficerFeedbackController],
  providers: [StorageFiles],
})
export class FeedbackModule {}
