import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CatalogueRpc, HolidayView, ListHolidaysInput, RpcRequest } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';
import { HolidaysService } from './holidays.service';

@Controller()
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @RpcHandler(CatalogueRpc.listHolidays)
  list(@Payload() req: RpcRequest<ListHolidaysInput | null>): Promise<HolidayView[]> {
    return this.holidays.list(req.data);
  }
}
