import type { AnsweredQuestion, CriterionResponse, QuestionResponse, ReviewResponse } from '@incubator/contracts';
import type { StoredApplication, StoredFile } from './application.repository';
import type { StoredReview } from './review.repository';
import { weightedScore } from './scoring';

/** Each question of the call with the application's answer, or its file. */
export function answeredQuestions(questions: QuestionResponse[], application: StoredApplication, files: StoredFile[]): AnsweredQuestion[] {
  return questions.map((question) => {
    const file = files.find((f) => f.questionId === question.id);
    return {
      question,
      answer: question.kind === 'file' ? null : application.answers[question.id] ?? null,
      file: file ? { questionId: file.questionId, fileName: file.fileName, sizeBytes: file.sizeBytes, contentType: file.contentType, uploadedAt: file.uploadedAt } : null,
    };
  });
}

export function scoresOf(review: StoredReview): Map<string, number> {
  return new Map(review.scores.map((s) => [s.criterionId, s.score]));
}

export function toReviewResponse(criteria: CriterionResponse[], review: StoredReview): ReviewResponse {
  return {
    reviewerId: review.reviewerId,
    reviewerName: review.reviewerName,
    scores: review.scores,
    comment: review.comment,
    weightedScore: weightedScore(criteria, scoresOf(review)),
    submittedAt: review.submittedAt,
  };
}
