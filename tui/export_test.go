package tui

// BigText lets the screen tests put a fixed join code in place of a random one drawn
// in the block font.
var BigText = bigText
