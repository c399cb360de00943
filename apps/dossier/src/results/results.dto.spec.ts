import { mapResultFileView, ResultFile } from './results.dto';

const dossierId = '6f1c2f4e-0000-4000-8000-000000000001';
const result = (fileName: string, contentType: string, signedName: string): ResultFile => ({
  id: 'r1',
  dossierId,
  fileId: 'original',
  fileName,
  contentType,
  size: 10,
  sha256: 'x',
  addedBy: null,
  createdAt: new Date(),
  signed: { fileId: 'signed', fileName: signedName, verificationCode: 'ABCDEFGHJKMN' },
});

describe('a result as the citizen sees it', () => {
  it('hands out a signed PDF in place of the uploaded one', () => {
    const view = mapResultFileView(dossierId, result('gp.pdf', 'application/pdf', 'gp.pdf'));
    expect(view).toMatchObject({ fileId: 'signed', fileName: 'gp.pdf', coverSheet: null });
  });

  it('keeps a PDF the signer could not rewrite, with its signed cover sheet beside it', () => {
    const view = mapResultFileView(
      dossierId,
      result('gp.pdf', 'application/pdf', 'gp-trang-bia.pdf'),
    );
    expect(view).toMatchObject({ fileId: 'original', fileName: 'gp.pdf' });
    expect(view.coverSheet).toMatchObject({ fileName: 'gp-trang-bia.pdf' });
  });

  it('keeps a DOCX result as uploaded, with its signed cover sheet', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const view = mapResultFileView(dossierId, result('qd.docx', docx, 'qd-trang-bia.pdf'));
    expect(view).toMatchObject({ fileId: 'original', fileName: 'qd.docx' });
    expect(view.coverSheet?.downloadUrl).toContain('/results/signed');
  });
});
