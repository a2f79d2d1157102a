import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsString, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { vietnameseMessages } from './validation-messages';

class ReturnPlanDto {
  @IsString() @MinLength(10) @MaxLength(2000) reason: string;
}
class Sample {
  @IsInt() @Min(2000) year: number;
  @IsIn(['Q1', 'H1']) period: string;
  @IsString() mysteryField: string;
}

const messagesOf = <T extends object>(cls: new () => T, plain: object) =>
  Object.fromEntries(validateSync(plainToInstance(cls, plain)).map((e) => [e.property, vietnameseMessages(e)]));

describe('Vietnamese validation messages', () => {
  it('names the field in Vietnamese with the constraint value', () => {
    expect(messagesOf(ReturnPlanDto, { reason: 'ngắn' })).toEqual({
      reason: ['Lý do trả lại phải có ít nhất 10 ký tự'],
    });
    expect(messagesOf(ReturnPlanDto, { reason: 'x'.repeat(2001) })).toEqual({
      reason: ['Lý do trả lại không được dài quá 2000 ký tự'],
    });
  });

  it('translates numbers, lists and types, and quotes unknown field names', () => {
    const m = messagesOf(Sample, { year: 1999, period: 'Q9', mysteryField: 5 });
    expect(m.year).toEqual(['Năm không được nhỏ hơn 2000']);
    expect(m.period).toEqual(['Kỳ báo cáo phải là một trong các giá trị: Q1, H1']);
    expect(m.mysteryField).toEqual(['Trường "mysteryField" phải là chuỗi ký tự']);
  });
});
