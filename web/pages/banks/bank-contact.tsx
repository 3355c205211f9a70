/** A bank's contact as rows of a `<dl class="facts">`: the admin's and the bank's own page show the same three. */
export function BankContactFacts({
  bank,
}: {
  bank: { contactName: string | null; contactPhone: string | null; contactEmail: string | null };
}) {
  return (
    <>
      <dt>联系人</dt>
      <dd>{bank.contactName}</dd>
      <dt>联系电话</dt>
      <dd>{bank.contactPhone}</dd>
      <dt>联系邮箱</dt>
      <dd>{bank.contactEmail}</dd>
    </>
  );
}
