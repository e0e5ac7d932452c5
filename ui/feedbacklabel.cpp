#include "feedbacklabel.h"

#include "alarmseverity.h"

#include <QLabel>

namespace machina::FeedbackLabel {

namespace {

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QColor background(const QLabel *label)
{
    return label->palette().color(label->backgroundRole());
}

} // namespace

QColor errorColor(const QColor &background)
{
    return SeverityDisplay::readableOn(ErrorColor, background);
}

QLabel *make(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    setTextColor(label, errorColor(background(label)));
    label->hide();
    return label;
}

void show(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void showSendStatus(QLabel *label, bool sending, const QString &error, const QString &notSent)
{
    if (sending) {
        setTextColor(label, label->parentWidget() ? label->parentWidget()->palette().color(QPalette::WindowText)
                                                  : label->palette().color(QPalette::WindowText));
        show(label, QLabel::tr("Sending..."));
    } else if (!error.isEmpty()) {
        setTextColor(label, errorColor(background(label)));
        show(label, notSent.arg(error) + QLatin1Char('\n')
                        + QLabel::tr("The draft is kept: correct the problem and press Send again."));
    } else {
        show(label, QString());
    }
}

} // namespace machina::FeedbackLabel
