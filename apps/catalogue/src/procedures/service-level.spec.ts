import { levelOffer } from './service-level';

describe('levelOffer (DESIGN.md §1)', () => {
  it.each([
    [1, { formDownloads: false, onlineSubmission: false, onlinePayment: false }],
    [2, { formDownloads: true, onlineSubmission: false, onlinePayment: false }],
    [3, { formDownloads: true, onlineSubmission: true, onlinePayment: false }],
    [4, { formDownloads: true, onlineSubmission: true, onlinePayment: true }],
  ])('level %i offers %p', (level, offer) => {
    expect(levelOffer(level)).toEqual(offer);
  });
});
