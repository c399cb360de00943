import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogueRpc, HolidayView, RpcRequest } from '@dvc/contracts';
import { ListHolidaysInput } from './holidays.dto';
import { HolidaysService } from './holidays.service';

@Controller()
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @MessagePattern(CatalogueRpc.listHolidays)
  list(@Payload() req: RpcRequest<ListHolidaysInput | null>): Promise<HolidayView[]> {
    return this.holidays.list(req.data);
  }
}
