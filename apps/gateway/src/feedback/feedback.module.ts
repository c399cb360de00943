import { Module } from '@nestjs/common';
import {
  FeedbackController,
  OfficerFeedbackController,
  PublicFeedbackController,
} from './feedback.controller';

/** Phản ánh, kiến nghị routes (the dossier service keeps them). */
@Module({
  controllers: [FeedbackController, PublicFeedbackController, OfficerFeedbackController],
})
export class FeedbackModule {}
