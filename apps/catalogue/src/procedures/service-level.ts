/** What the portal offers a procedure of each service level (DESIGN.md §1), in one place. */
export interface LevelOffer {
  /** Level 2 and up: form templates to download, print and bring. */
  formDownloads: boolean;
  /** Level 3 and up: fill in, attach and submit online. */
  onlineSubmission: boolean;
  /** Level 4: fees paid online, result delivered online or by post. */
  onlinePayment: boolean;
}

export function levelOffer(level: number): LevelOffer {
  return { formDownloads: level >= 2, onlineSubmission: level >= 3, onlinePayment: level === 4 };
}
