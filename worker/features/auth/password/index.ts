/** Password hashing and password rules; the other files in this folder are internal. */
export {
  burnPasswordCheck,
  hashPassword,
  PBKDF2_MAX_ITERATIONS,
  verifyPassword,
} from "./hash";
export { checkNewPassword, isPasswordExpired, PASSWORD_ROTATION_DAYS } from "./policy";
