#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QWidget;

namespace machina {

/**
 * The inline feedback the dialogs share: a plain-text label in a red that
 * reads on light and dark backgrounds alike (checked against the palette
 * the label has when it is made and each time the send status is shown), hidden while it has nothing to
 * say, and the status line of a dialog that sends (busy, or why it failed).
 */
namespace FeedbackLabel {

/// The error red's hue; errorColor() makes it readable on the label's background.
inline const QColor ErrorColor(0xd0, 0x30, 0x30);

/**
 * ErrorColor lightened (on a dark background) or darkened (on a light one)
 * until it has a WCAG contrast of at least 4.5:1 on @p background
 * (SeverityDisplay::readableOn()).
 */
QColor errorColor(const QColor &background);

/// A word-wrapped, plain-text, red label, hidden until show() gives it text.
QLabel *make(QWidget *parent);
/// Shows @p text, or hides the label when it is empty.
void show(QLabel *label, const QString &text);
/**
 * The send status: "Sending..." in the normal colour while @p sending, else
 * @p notSent ("The reply was not sent: %1") with @p error and a hint that the
 * draft is kept, in red; hidden when there is neither.
 */
void showSendStatus(QLabel *label, bool sending, const QString &error, const QString &notSent);

} // namespace FeedbackLabel
} // namespace machina
