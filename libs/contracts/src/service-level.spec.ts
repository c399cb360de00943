import { deliveryMethodsAt, isServiceLevel, levelOffer } from './service-level';

describe('levelOffer: what each service level allows', () => {
  it.each([
    [1, { formDownloads: false, onlineSubmission: false, onlinePayment: false, eResult: false }],
    [2, { formDownloads: true, onlineSubmission: false, onlinePayment: false, eResult: false }],
    [3, { formDownloads: true, onlineSubmission: true, onlinePayment: false, eResult: false }],
    [4, { formDownloads: true, onlineSubmission: true, onlinePayment: true, eResult: true }],
  ])('level %i offers %p', (level, offer) => {
    expect(levelOffer(level)).toEqual(offer);
  });

  it('delivers a level-3 result at the desk only, a level-4 one online by default', () => {
    expect(deliveryMethodsAt(3)).toEqual(['desk']);
    expect(deliveryMethodsAt(4)).toEqual(['online', 'post', 'desk']);
  });

  it('knows the four levels and nothing else', () => {
    expect([0, 1, 4, 5, '4', null].map(isServiceLevel)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
