import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { DeliveryMethod, IssuedDocumentView } from '@dvc/contracts';
import { FileStore } from '../neighbours/file-store';
import type { Dossier, IssuedLetter } from '../dossiers/dossiers.dto';
import type { CheckedApology } from './apology-rules';
import { Letter, letterPdf, vietnamDateTime } from './letter-pdf';

const FORM_OF = 'Theo mẫu ban hành kèm Thông tư số 01/2018/TT-VPCP';

const DELIVERY: Record<DeliveryMethod, string> = {
  online: 'Trực tuyến (tải về trên Cổng Dịch vụ công)',
  desk: 'Tại bộ phận tiếp nhận và trả kết quả',
  post: 'Qua dịch vụ bưu chính công ích',
};

/**
 * The dossier's own legal letters, drawn here and signed by the agency in document-storage
 * (QR code to `/xac-thuc/<code>` and a PAdES signature): the receipt on `receive`, and each
 * apology. Each is issued once per what it is of (its source key), so a retried action never
 * hands out two valid letters for one event.
 */
@Injectable()
export class DossierLetters implements OnApplicationBootstrap {
  constructor(private readonly files: FileStore) {}

  /**
   * The first drawing parses the font and warms the PDF writer (about a second of CPU); done
   * at start, so the first receipt of the day does not hold the event loop meanwhile.
   */
  async onApplicationBootstrap(): Promise<void> {
    await letterPdf({
      agencyName: 'Cổng Dịch vụ công',
      number: '—',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      rows: [['Ông/Bà', 'Nguyễn Văn An']],
      paragraphs: [],
      issuedAt: new Date(),
      signer: 'Người tiếp nhận hồ sơ',
    });
  }

  /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả: who, what, when received, when due. */
  async issueReceipt(d: Dossier, correlationId: string | null): Promise<IssuedLetter> {
    const letter: Letter = {
      agencyName: d.procedure.agency.name,
      number: d.receiptNumber ?? `TN-${d.code}`,
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      subtitle: FORM_OF,
      greeting: `${d.procedure.agency.name} đã tiếp nhận hồ sơ của:`,
      rows: [
        ['Ông/Bà', d.applicant?.fullName ?? '—'],
        ['Số định danh cá nhân', d.applicant?.idNumber ?? '—'],
        ['Mã hồ sơ', d.code!],
        ['Thủ tục', d.procedure.name],
        ['Trường hợp', d.procedure.case.name],
        ['Cơ quan giải quyết', d.procedure.agency.name],
        ['Thời điểm nộp', d.submittedAt ? vietnamDateTime(d.submittedAt) : '—'],
        ['Thời điểm tiếp nhận', d.receivedAt ? vietnamDateTime(d.receivedAt) : '—'],
        ['Ngày hẹn trả kết quả', d.dueAt ? vietnamDateTime(d.dueAt) : '—'],
        ['Nhận kết quả', DELIVERY[d.deliveryMethod]],
      ],
      paragraphs: [
        'Thời gian hồ sơ chờ bổ sung hoặc chờ nộp phí, lệ phí không tính vào thời hạn giải quyết. ' +
          'Tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công bằng mã hồ sơ và mã tra cứu.',
      ],
      issuedAt: d.receivedAt ?? new Date(),
      signer: 'Người tiếp nhận hồ sơ',
    };
    const issued = await this.issue(d, 'dossier-receipt', `dossier-receipt:${d.id}`, letter, {
      fileName: `giay-tiep-nhan-${d.code}.pdf`,
      correlationId,
    });
    return letterOf(issued);
  }

  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
  async issueApology(
    d: Dossier,
    apologyId: string,
    apology: CheckedApology,
    at: Date,
    correlationId: string | null,
  ): Promise<IssuedLetter> {
    const agency = d.procedure.agency.name;
    const letter: Letter = {
      agencyName: agency,
      number: `XL-${d.code}`,
      title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      subtitle: FORM_OF,
      greeting: `Kính gửi: Ông/Bà ${d.applicant?.fullName ?? ''}`.trim(),
      rows: [
        ['Mã hồ sơ', d.code!],
        ['Thủ tục', d.procedure.name],
        ['Cơ quan giải quyết', agency],
        ['Ngày hẹn trả trước đây', vietnamDateTime(apology.previousDueAt)],
        ['Lý do chậm trả', apology.reason],
        ['Ngày hẹn trả kết quả mới', vietnamDateTime(apology.newDueAt)],
      ],
      paragraphs: [
        `${agency} xin lỗi Ông/Bà vì hồ sơ nêu trên chưa được giải quyết đúng hạn đã hẹn, ` +
          `vì lý do đã nêu, và hẹn trả kết quả vào ${vietnamDateTime(apology.newDueAt)}.`,
        'Mong Ông/Bà thông cảm. Cơ quan sẽ thông báo ngay khi có kết quả.',
      ],
      issuedAt: at,
      signer: `Thủ trưởng ${agency}`,
    };
    const issued = await this.issue(d, 'apology', `apology:${apologyId}`, letter, {
      fileName: `phieu-xin-loi-${d.code}-${apologyId.slice(0, 8)}.pdf`,
      correlationId,
    });
    return letterOf(issued);
  }

  private async issue(
    d: Dossier,
    documentType: 'dossier-receipt' | 'apology',
    sourceKey: string,
    letter: Letter,
    options: { fileName: string; correlationId: string | null },
  ): Promise<IssuedDocumentView> {
    return this.files.issueDocument(
      {
        documentType,
        sourceKey,
        ownerId: d.applicantId,
        dossierCode: d.code!,
        agency: d.procedure.agency,
        fileName: options.fileName,
        pdf: await letterPdf(letter),
      },
      options.correlationId,
    );
  }
}

function letterOf(issued: IssuedDocumentView): IssuedLetter {
  return {
    fileId: issued.fileId,
    fileName: issued.fileName,
    verificationCode: issued.verificationCode,
    issuedAt: new Date(issued.issuedAt),
  };
}
