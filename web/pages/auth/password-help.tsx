/** The zone's way to get help with a password, as its portal words it. */
export function PasswordHelp({ passwordHelp, phone, demo }: { passwordHelp: string; phone: string; demo: boolean }) {
  return (
    <p class="help">
      {passwordHelp},联系方式:<a href={`tel:${phone}`}>{phone}</a>
      {demo ? "(演示号码,以园区公布为准)" : ""}
    </p>
  );
}
