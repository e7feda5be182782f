// Text that reaches a terminal is inert (issue 14): the control characters of stored names
// and sentences (ESC sequences that move the cursor, retitle the window, or hide text) are
// shown escaped, not obeyed.
#pragma once

namespace diplograph::cli {

//! When standard output is a terminal, replaces `stdout` by a stream that writes C0 and C1
//! control characters (but newlines and tabs) and DEL as \xNN. Piped output is left as is.
void escape_controls_on_terminal();

}  // namespace diplograph::cli
